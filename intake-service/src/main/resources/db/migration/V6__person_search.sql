-- Finding a person again (POST /cases/search) without searchable plaintext: each municipality's blind-index key
-- (random, wrapped by the master key like the data keys), and per case the HMACs of the person's normalised kana,
-- alone and with the birth date (SearchKeys). Erasure deletes the case's row.
create table search_key (
    municipality  char(6)     primary key,
    key_version   int         not null,
    master_key_id varchar(64) not null,
    wrapped_key   bytea       not null,
    created_at    timestamptz not null default now()
);

create table person_index (
    case_id        varchar(64) primary key,
    municipality   char(6)     not null,
    kana_mac       char(64)    not null,
    kana_birth_mac char(64)
);
create index person_index_kana on person_index (municipality, kana_mac);
create index person_index_kana_birth on person_index (municipality, kana_birth_mac);
