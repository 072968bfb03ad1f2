-- Found with bench/tasklist-scale.sh at 100,000 open steps: the due-soon scan looks for open records
-- past their warning instant (the overdue scan uses ix_sla_record_open).
create index ix_sla_record_warn on sla_record (completed_at, warn_at);
