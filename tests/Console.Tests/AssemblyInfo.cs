// One host, one browser and one database for the whole project: the scenarios run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
