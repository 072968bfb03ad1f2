-- Stand-in department systems (simulator module): what they were asked, and the marriages they registered.
create table sim_request (
  id              bigint auto_increment primary key,
  department      varchar(8)    not null,
  operation       varchar(64)   not null,
  idempotency_key varchar(160)  not null,
  request_body    text          not null,
  status          int           not null,
  response_body   text          not null,
  times_asked     int           not null,
  created_at      datetime(3)   not null,
  constraint uk_sim_request_key unique (department, idempotency_key)
);
create table sim_marriage (
  id_number          varchar(18) not null primary key,
  certificate_number varchar(40) not null
);
