-- The daily end of posts whose planned last day has passed: the posts not left yet, by their planned last day.
create index quarantine_site_worker_open_loop on quarantine_site_worker (loop_to) where left_at is null
  and loop_to is not null;
