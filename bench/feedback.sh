#!/usr/bin/env bash
# Measures how many ratings "handbook serve" acknowledges per second, and
# their latency, on SQLite (a file on the machine's disk) and on
# PostgreSQL (a throwaway cluster on loopback, fsync on), from 8 and 64
# concurrent connections. Each line is one run of bench/feedbackload.
#
#   bench/feedback.sh                  # 10 s per run
#   DURATION=30s bench/feedback.sh
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${DURATION:-10s}
work=$(mktemp -d)
pgdir=$(mktemp -d /tmp/handbook-bench-postgres.XXXXXX)
trap 'scripts/postgres.sh stop "$pgdir" >/dev/null 2>&1 || true; rm -rf "$work" "$pgdir"' EXIT

go build -o "$work/handbook" ./cmd/handbook
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
db=$(scripts/postgres.sh start "$pgdir" "$port")
db=${db#HANDBOOK_TEST_POSTGRES=}

for workers in 8 64; do
	go run ./bench/feedbackload -bin "$work/handbook" -workers "$workers" -duration "$duration" \
		-data "$work/sqlite-$workers" 2>/dev/null
	go run ./bench/feedbackload -bin "$work/handbook" -workers "$workers" -duration "$duration" \
		-db "$db" 2>/dev/null
done
