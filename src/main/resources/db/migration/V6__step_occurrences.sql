-- Every BPMN shape (issue 6): a step can occur many times in one case — loop rounds, elements of a
-- multi-instance step, parallel branches, called processes. SLA records are kept per occurrence
-- (the user task, the department call's job, the wait's activity instance), under the case's root
-- process instance.
alter table sla_record add column occurrence_id varchar(64);
update sla_record set occurrence_id = case when step_id = 'case' then concat('case:', process_instance_id)
  else coalesce(task_id, concat('legacy:', id)) end;
alter table sla_record drop constraint uk_sla_record_step;
create unique index uk_sla_record_occurrence on sla_record (occurrence_id);
create index ix_sla_record_instance on sla_record (process_instance_id, step_id);

-- Department calls (engine module): one row per occurrence, numbered per case and step when its job
-- is created, so its idempotency key is the same for every retry of that occurrence and differs
-- between occurrences: <case>:<step> for the first, <case>:<step>:<n> for the n-th.
create table step_occurrence (
  job_id       varchar(64)  not null primary key,
  case_number  varchar(64)  not null,
  process_key  varchar(64)  not null,
  step_id      varchar(64)  not null,
  ordinal      int          not null,
  created_at   datetime(3)  not null,
  constraint uk_step_occurrence unique (case_number, process_key, step_id, ordinal)
);
