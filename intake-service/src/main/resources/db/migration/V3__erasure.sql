-- Erasure leaves a tombstone instead of deleting the key's row, so an idempotent replay of the erased referral cannot
-- make a fresh key for the case: the case stays erased.
alter table data_key alter column wrapped_key drop not null;
alter table data_key add column erased_at timestamptz;
