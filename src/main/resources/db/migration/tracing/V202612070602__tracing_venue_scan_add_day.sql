-- A day partition of venue_scan, created when an import meets a new day. The application's role may
-- not create tables: this function runs as its owner (the schema's owner) and checks what it is given —
-- a day and its bounds in the city's zone (a day of 22 to 26 hours that starts within the zones' range of
-- that date); the partition's name comes from the day. Returns false when the partition exists.
create function venue_scan_add_day(day date, starts timestamptz, ends timestamptz) returns boolean
  language plpgsql security definer set search_path = public, pg_temp as $$
declare
  partition text;
  midnight timestamptz;
begin
  if day is null or starts is null or ends is null or day < date '2000-01-01' or day > date '2199-12-31' then
    raise exception 'venue_scan_add_day: no day or bounds, or a day out of range (%)', day using errcode = '22023';
  end if;
  midnight := day::timestamp at time zone 'UTC';
  if ends - starts not between interval '22 hours' and interval '26 hours'
      or starts not between midnight - interval '14 hours' and midnight + interval '12 hours' then
    raise exception 'venue_scan_add_day: % to % are not the bounds of the day %', starts, ends, day
      using errcode = '22023';
  end if;
  partition := 'venue_scan_p' || to_char(day, 'YYYYMMDD');
  if to_regclass(partition) is not null then
    return false;
  end if;
  execute format('create table %I partition of venue_scan for values from (%L) to (%L)', partition, starts, ends);
  return true;
end
$$;
revoke execute on function venue_scan_add_day(date, timestamptz, timestamptz) from public;
