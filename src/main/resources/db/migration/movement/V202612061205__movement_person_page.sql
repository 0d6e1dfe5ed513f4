-- The person page lists a person's arrivals and pushed items.
create index arrival_person on arrival (person_id, arrival_date desc);
create index pushed_item_person on pushed_item (person_id, pushed_at desc) where person_id is not null;
