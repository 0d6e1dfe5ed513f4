-- The tubes import rolls the latest test per person and the campaigns' tested persons up once at the end
-- of the file (TubeImport.finish), in one set-based statement each, instead of in every batch's transaction.
-- Each committed batch notes here, in its own transaction, the ranges of tube ids it added members to (its new
-- tubes' ids come from the sequence in one draw, so mostly one range a batch); the end of the file reads the
-- import's members through these ranges (the member table's primary key) and deletes them, in the transaction
-- that marks the job done. A member row costs nothing more; a file that never ends leaves its ranges behind.
create table labtest_tube_pending (
  import_id  uuid   not null,
  first_tube bigint not null,
  last_tube  bigint not null
);
create index labtest_tube_pending_import on labtest_tube_pending (import_id);
