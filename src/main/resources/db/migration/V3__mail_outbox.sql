-- Mail written in the same transaction as the case change, sent after commit with retries.
create table mail_outbox (
  id              bigint auto_increment primary key,
  case_number     varchar(32),
  kind            varchar(40)   not null,
  recipient       varchar(200)  not null,
  subject         varchar(300)  not null,
  body            text          not null,
  status          varchar(16)   not null,
  attempts        int           not null,
  next_attempt_at datetime(3)   not null,
  last_error      varchar(500),
  created_at      datetime(3)   not null,
  sent_at         datetime(3)   null
);
create index ix_mail_outbox_due on mail_outbox (status, next_attempt_at);
