-- Void work (issue 7): when a case is refused or cancelled, every department step that was started for
-- it is asked to void its work (casefile.DepartmentVoids). step_occurrence learns its department; the
-- requests wait in department_void until the department answers (retried with back-off, never lost).
alter table step_occurrence add column department varchar(16);

create table department_void (
  id              bigint auto_increment primary key,
  case_number     varchar(64)  not null,
  department      varchar(16)  not null,
  request_key     varchar(200) not null,
  reason          varchar(500) not null,
  status          varchar(16)  not null,
  attempts        int          not null,
  next_attempt_at datetime(3)  not null,
  last_error      varchar(500),
  outcome         varchar(500),
  noticed         boolean      not null,
  created_at      datetime(3)  not null,
  answered_at     datetime(3),
  constraint uk_department_void unique (department, request_key)
);
create index ix_department_void_due on department_void (status, next_attempt_at);
create index ix_department_void_case on department_void (case_number);
create index ix_department_void_unnoticed on department_void (noticed, case_number);

-- the simulator: when a request was voided (its effect undone where its contract allows)
alter table sim_request add column voided_at datetime(3);
