#!/usr/bin/env bash
# Builds a small git history from examples/aws-platform (the import, then a dozen commits
# that fix its deliberate mistakes, with one regression on the way) and renders the chart in
# docs/trend-example.svg and the table in docs/trend-example.txt (or in $OUT, a directory;
# tests/snapshots.rs checks that the files in docs/ are what this makes).
#
#   cargo build --release && docs/trend-example.sh
#
# Commit dates are fixed (one a week from 2026-01-05), so the output only changes when the
# policies, the model or the example change.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
rungs="${RUNGS:-$here/target/release/rungs}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$here/examples/aws-platform/." "$work/"
cd "$work"
git init -q -b main
week=0
commit() {
  local date
  date="$(date -u -d "2026-01-05 +$((week * 7)) days" +%Y-%m-%dT10:00:00+00:00)"
  git add -A
  GIT_AUTHOR_DATE="$date" GIT_COMMITTER_DATE="$date" \
    git -c user.name=Example -c user.email=example@example.invalid -c commit.gpgsign=false \
    commit -q -m "$1"
  week=$((week + 1))
}
commit "Import the platform"
git rm -q envs/staging/hotfix.auto.tfvars
commit "staging: remove the SSH hotfix (INC-4821)"
sed -i 's/http_tokens   = "optional"/http_tokens   = "required"/' envs/prod/compute.tf
commit "prod: require IMDSv2 on the reporting host"
sed -i '241s/encrypted         = false/encrypted         = true/' envs/staging/compute.tf
commit "staging: encrypt the reporting volume"
sed -i '/resource "aws_kms_key" "eks"/,/^}/ s/^}/  enable_key_rotation     = true\n}/' envs/staging/eks.tf
commit "staging: rotate the EKS secrets key"
printf 'ssh_allowed_cidrs = ["0.0.0.0/0"]\n' > envs/staging/hotfix.auto.tfvars
commit "staging: open the bastion again for a release (INC-4907)"
sed -i 's/default     = \["0.0.0.0\/0"\]/default     = ["10.20.0.0\/16"]/' envs/staging/variables.tf
commit "staging: EKS endpoint reachable from the VPN only"
sed -i '/Sid      = "TemporaryFullAccess"/,/Resource = "\*"/ { s/Action   = "\*"/Action   = ["ecr:PutImage", "eks:DescribeCluster"]/; s/Resource = "\*"/Resource = "arn:aws:ecr:*:*:repository\/staging-*"/ }' envs/staging/ecr.tf
commit "ci: scope the deploy policy down (PLAT-312)"
git rm -q envs/staging/hotfix.auto.tfvars
commit "staging: close the bastion (INC-4907)"
cat >> modules/data/s3.tf <<'TF'

resource "aws_s3_bucket_versioning" "artifacts" {
  bucket = aws_s3_bucket.artifacts.id
  versioning_configuration {
    status = "Enabled"
  }
}
TF
commit "data: version the artifacts bucket"
sed -i 's/  deletion_protection       = local.is_prod/  deletion_protection       = true/' modules/data/rds.tf
sed -i '/variable "db_backup_retention_period"/,/^}/ s/default     = null/default     = 7/' envs/staging/variables.tf
commit "data: protect databases and keep a week of backups"
sed -i '/legacy-reports = {/,/}/ { s/immutable    = false/immutable    = true/; s/scan_on_push = false/scan_on_push = true/ }' envs/prod/terraform.tfvars
commit "prod: scan legacy report images on push, immutable tags (PLAT-340)"
cat >> org/organization.tf <<'TF'

resource "aws_account_alternate_contact" "security" {
  alternate_contact_type = "SECURITY"
  name                   = "Security team"
  title                  = "Security"
  email_address          = "security@example.invalid"
  phone_number           = "+10000000000"
}
TF
commit "org: register the security contact"
out="${OUT:-$here/docs}"
"$rungs" trend --quiet --format svg > "$out/trend-example.svg"
"$rungs" trend --quiet > "$out/trend-example.txt"
cat "$out/trend-example.txt"
