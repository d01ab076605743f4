# TEMPORARY (INC-4821): the corporate VPN was down, so the bastion was opened to the
# internet to debug the staging release. Remove this file once the VPN is back.
# *.auto.tfvars files load after terraform.tfvars, so this wins over the value there.
ssh_allowed_cidrs = ["0.0.0.0/0"]
