-- The amps dialect's State-of-the-World records: the latest message per key of each SOW topic.
-- One script for H2 (PostgreSQL mode) and PostgreSQL, portable types only, as V1. The key columns are
-- VARCHAR because H2 cannot index TEXT; the payload is the JSON body as TEXT, never parsed here.
-- ts is TIMESTAMP(3) holding UTC.

CREATE TABLE amps_sow_record (
  topic VARCHAR(1024) NOT NULL,
  sow_key VARCHAR(255) NOT NULL,
  payload TEXT NOT NULL,
  ts TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (topic, sow_key)
);
