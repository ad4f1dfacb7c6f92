"""A child process that reads one file and prints its documents, problems and its OWN peak memory.

The peak is VmHWM of /proc/self/status, not getrusage's ru_maxrss, which Linux carries over from the
parent through fork and exec (a child of a 700 MB process reports 700 MB). Used by the bounded-memory
test of tests/integration/test_hostile_input.py and by benchmarks/robustness.py.
Run: python -c READ_PEAK_CHILD PATH [CONFIG_JSON]
"""

READ_PEAK_CHILD = """
import resource, sys, json
from eventdesk.read import read_file

def peak_mb():
    try:
        with open("/proc/self/status") as st:
            return next(int(x.split()[1]) for x in st if x.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

f = read_file(sys.argv[1], json.loads(sys.argv[2]) if len(sys.argv) > 2 else None)
print(json.dumps({"docs": len(f.documents), "problems": [p.reason for p in f.problems],
                  "peak_mb": peak_mb()}))
"""
