-- One row per rating. seq keeps the order entries were added in.
CREATE TABLE feedback (
	seq     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id      text        NOT NULL UNIQUE,
	created timestamptz NOT NULL,
	page    text        NOT NULL,
	rating  text        NOT NULL CHECK (rating IN ('good', 'ok', 'bad')),
	comment text        NOT NULL DEFAULT '',
	version text        NOT NULL DEFAULT ''
);
CREATE INDEX feedback_created ON feedback (created);
CREATE INDEX feedback_page_created ON feedback (page, created);
