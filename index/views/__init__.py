"""Pages of the Index, each thin: reads through `selectors`, writes through `services`.

results.py      a city's results and benchmarking, the method page
desk.py         filling an assessment together: the list, an assessment, an area, the team, the workflow
secretariat.py  a wave across the network and its CSV exports
"""
