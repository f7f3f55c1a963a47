-- The batch's rejections, each with its latest reason. Parameter: the staged rejections file.
insert into rejected_documents (path, item, reason)
select path, item, reason from read_parquet(?)
on conflict (path, item) do update set reason = excluded.reason, last_seen = now()
