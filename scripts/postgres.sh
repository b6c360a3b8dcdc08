#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests of the PostgreSQL feedback
# store.
#
#   scripts/postgres.sh start [DIR] [PORT]  start one (default /tmp/handbook-postgres, 5433)
#   scripts/postgres.sh stop [DIR]          stop it
#   scripts/postgres.sh url [DIR]           print its HANDBOOK_TEST_POSTGRES line again
#
# It listens on 127.0.0.1 only, trusts every local connection and has a
# database handbook_test. Run as root, the server runs as user postgres.
set -euo pipefail

cmd=${1:-}
dir=${2:-/tmp/handbook-postgres}
port=${3:-5433}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
	echo "postgres.sh: no PostgreSQL server under /usr/lib/postgresql/*/bin: apt-get install postgresql" >&2
	exit 1
fi

# as runs a command as the cluster's owner.
as() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

url() {
	p=$(cat "$dir/port")
	echo "HANDBOOK_TEST_POSTGRES=postgres://postgres@127.0.0.1:$p/handbook_test?sslmode=disable"
}

running() {
	[ -f "$dir/data/postmaster.pid" ] && as "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

case $cmd in
start)
	if running; then
		url
		exit 0
	fi
	mkdir -p "$dir"
	[ "$(id -u)" = 0 ] && chown postgres: "$dir"
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		as "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
			{ cat "$dir/initdb.log" >&2; exit 1; }
	fi
	echo "$port" >"$dir/port"
	as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=on -c max_connections=200" start >/dev/null ||
		{ cat "$dir/server.log" >&2; exit 1; }
	if ! as "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
		"SELECT 1 FROM pg_database WHERE datname = 'handbook_test'" | grep -q 1; then
		as "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres handbook_test
	fi
	url
	;;
stop)
	if running; then
		as "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
	fi
	;;
url)
	url
	;;
*)
	echo "usage: $0 start|stop|url [DIR] [PORT]" >&2
	exit 2
	;;
esac
