"""Read a CSV file with Python's csv module (strict RFC 4180 quoting) and
print its records as a JSON array of arrays of strings, for test_csv."""
import csv
import json
import sys

with open(sys.argv[1], newline='', encoding='utf-8', errors='strict') as f:
    rows = list(csv.reader(f, strict=True))
json.dump(rows, sys.stdout, ensure_ascii=True)
sys.stdout.write('\n')
