-- The applicant's own progress query (办件进度查询): a keyed hash of the case number and the last six characters
-- of the applicant's ID number, checked when the applicant looks the case up; null: the case cannot be queried
-- by its applicant (no ID number at intake, or a confidential case).
alter table case_file add column query_factor varchar(64);
