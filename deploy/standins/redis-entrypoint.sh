#!/bin/sh
# As the official image's entrypoint: flags alone are redis-server's; no config file = not protected.
set -e
case "$1" in -*) set -- redis-server "$@" ;; esac
if [ "$1" = redis-server ]; then
  case "$2" in *.conf) ;; *) set -- "$@" --protected-mode no ;; esac
fi
exec "$@"
