-- The person page: a person's orders whatever their state, and every room stay of an order (a stay is
-- shared by a household, and an order leaves its stay when it ends, so the link is kept apart).
create index quarantine_order_person_all on quarantine_order (person_id, created_at desc);
create table quarantine_order_stay (
  order_id uuid not null references quarantine_order (id),
  stay_id  uuid not null references quarantine_room_stay (id),
  primary key (order_id, stay_id)
);
insert into quarantine_order_stay (order_id, stay_id)
select id, room_stay_id from quarantine_order where room_stay_id is not null;
