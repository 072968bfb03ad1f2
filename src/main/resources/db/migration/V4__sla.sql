-- SLA supervision (sla module): one record per case (step_id 'case') and per timed step, and the
-- events on them (clock stops, reminders, 督办 escalations).
create table sla_record (
  id                  bigint auto_increment primary key,
  process_instance_id varchar(64)  not null,
  case_number         varchar(32),
  process_key         varchar(64)  not null,
  step_id             varchar(64)  not null,
  step_name           varchar(200),
  department          varchar(16),
  task_id             varchar(64),
  policy              varchar(40)  not null,
  started_at          datetime(3)  not null,
  warn_at             datetime(3)  not null,
  due_at              datetime(3)  not null,
  completed_at        datetime(3)  null,
  canceled            boolean      not null,
  paused_since        datetime(3)  null,
  paused_ms           bigint       not null,
  reminded_at         datetime(3)  null,
  escalated_at        datetime(3)  null,
  constraint uk_sla_record_step unique (process_instance_id, step_id)
);
create index ix_sla_record_open on sla_record (completed_at, due_at);
create index ix_sla_record_case on sla_record (case_number);

create table sla_event (
  id                  bigint auto_increment primary key,
  record_id           bigint       not null,
  process_instance_id varchar(64)  not null,
  case_number         varchar(32),
  step_id             varchar(64)  not null,
  kind                varchar(24)  not null,
  message             varchar(500),
  created_at          datetime(3)  not null
);
create index ix_sla_event_instance on sla_event (process_instance_id);
