-- Secret keys of the server, such as the one that signs session cookies,
-- shared by every server on this database.
CREATE TABLE server_keys (
	name       text        PRIMARY KEY,
	value      bytea       NOT NULL,
	created_at timestamptz NOT NULL DEFAULT now()
);
