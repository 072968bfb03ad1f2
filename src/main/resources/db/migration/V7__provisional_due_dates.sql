-- Due dates in a year without the State Council's holiday notice (issue 7): counted with the statutory
-- days of 《全国年节及纪念日放假办法》 only, marked with the first such year, and recounted at start-up
-- once that year's block is in calendar/working-days-cn.txt (SlaCalendarRecount).
alter table sla_record add column provisional_from int;
create index ix_sla_record_provisional on sla_record (provisional_from);
