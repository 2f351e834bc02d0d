// The database tests share one database and the bbtest schema, so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
