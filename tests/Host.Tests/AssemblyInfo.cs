// Every host test class shares one database (named after this assembly), so they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
