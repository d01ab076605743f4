# INC-4821: vendor engineer debugging the batch nodes from home.
# Remove once the incident is closed.
admin_source_cidrs = ["0.0.0.0/0"]
