env      = "prod"
region   = "eu-west-1"
vpc_cidr = "10.10.0.0/16"
azs      = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]

extra_tags = {
  CostCenter = "cc-1042"
  Compliance = "soc2"
}

# Only the corporate VPN egress range may reach the bastion.
ssh_allowed_cidrs = ["203.0.113.0/24"]

certificate_arn = "arn:aws:acm:eu-west-1:111111111111:certificate/6f1c2a3e-9b7d-4c1e-8a55-0d2f3e4b5c6d"

app_capacity = {
  min     = 3
  max     = 12
  desired = 3
}

db_instance_class = "db.r6g.large"

ecr_repositories = {
  api = {
    immutable    = true
    scan_on_push = true
  }
  worker = {
    immutable    = true
    scan_on_push = true
  }
  # Built by the old Jenkins pipeline, which re-pushes the "latest" tag.
  legacy-reports = {
    immutable    = false
    scan_on_push = false
  }
}
