-- The blind index finds a person by the family name alone (family_mac, family_birth_mac: SearchKeys), and its keys
-- are made with the normalisation of KanaName.VERSION 2 (長音 written with a kana folded: イチロウ = イチロー).
-- Rows keyed before are version 1: PersonReindex rewrites them from the vault at startup, idempotently.
alter table person_index add column family_mac char(64);
alter table person_index add column family_birth_mac char(64);
alter table person_index add column index_version int not null default 1;
create index person_index_family on person_index (municipality, family_mac);
