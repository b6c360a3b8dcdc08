-- Secret keys of the server, such as the one that signs session cookies,
-- shared by every server on this file. created_at is in Unix
-- milliseconds, UTC.
CREATE TABLE server_keys (
	name       TEXT    PRIMARY KEY,
	value      BLOB    NOT NULL,
	created_at INTEGER NOT NULL
);
