-- Joint cases (办件). The engine owns ACT_*; these tables are ours.
create table case_file (
  id                  bigint auto_increment primary key,
  case_number         varchar(32),
  case_type           varchar(40)  not null,
  status              varchar(20)  not null,
  process_instance_id varchar(64)  not null,
  applicant_name      varchar(100),
  applicant_id_masked varchar(32),
  applicant_email     varchar(200),
  open_duplicate_key  varchar(64),
  opened_at           datetime(3) not null,
  due_at              datetime(3) null,
  closed_at           datetime(3) null,
  outcome_reason      varchar(500),
  version             int          not null,
  constraint uk_case_file_number unique (case_number),
  constraint uk_case_file_open_duplicate unique (open_duplicate_key)
);
create index ix_case_file_status on case_file (status, opened_at);
