-- One row per rating. created is in Unix milliseconds, UTC.
CREATE TABLE feedback (
	id      TEXT    NOT NULL UNIQUE,
	created INTEGER NOT NULL,
	page    TEXT    NOT NULL,
	rating  TEXT    NOT NULL CHECK (rating IN ('good', 'ok', 'bad')),
	comment TEXT    NOT NULL DEFAULT '',
	version TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX feedback_created ON feedback (created);
CREATE INDEX feedback_page_created ON feedback (page, created);
