# Stand-in for redis:7.2 (test only, see README.md): Debian's redis-server 7.0 with the official
# image's contract: workdir and volume /data, port 6379, runs as "redis", a command starting with
# redis-server gets --protected-mode no (no config file: reachable from other containers).
FROM localhost/eplly-standin/debian-min:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends redis-server \
    && rm -rf /var/lib/apt/lists/* && mkdir -p /data && chown redis:redis /data
COPY redis-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
WORKDIR /data
VOLUME /data
EXPOSE 6379
USER redis
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
CMD ["redis-server"]
