-- A day partition of quarantine_door_event (a UTC day), created ahead at start-up and daily. The
-- application's role may not create tables: this function runs as its owner (the schema's owner); the
-- partition's name and bounds come from the day it is given. Returns false when the partition exists.
create function quarantine_door_event_add_day(day date) returns boolean
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  partition text;
begin
  if day is null or day < date '2000-01-01' or day > date '2199-12-31' then
    raise exception 'quarantine_door_event_add_day: no day, or a day out of range (%)', day
      using errcode = '22023';
  end if;
  partition := 'quarantine_door_event_' || to_char(day, 'YYYYMMDD');
  if to_regclass(partition) is not null then
    return false;
  end if;
  execute format('create table %I partition of quarantine_door_event for values from (%L) to (%L)', partition,
    day::timestamp at time zone 'UTC', (day + 1)::timestamp at time zone 'UTC');
  return true;
end
$$;
revoke execute on function quarantine_door_event_add_day(date) from public;
