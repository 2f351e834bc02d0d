// Every test class boots its own host on the project's one database, so classes must not run at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
