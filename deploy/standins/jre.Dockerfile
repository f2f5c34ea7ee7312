# Stand-in for eclipse-temurin:17-jre (test only, see README.md): Debian's OpenJDK 17 JRE where the
# Temurin image keeps its JDK, and the tools the Temurin image carries that Dockerfiles may use.
FROM localhost/eplly-standin/debian-min:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless curl ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && mkdir -p /opt/java && ln -s /usr/lib/jvm/java-17-openjdk-amd64 /opt/java/openjdk
ENV JAVA_HOME=/opt/java/openjdk PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
