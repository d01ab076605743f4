# TEMPORARY (INC-5177): IAP TCP forwarding was broken for the payments vendor
# during the staging release, so SSH was opened to the internet. Remove this
# file once the vendor is back on IAP.
# *.auto.tfvars files load after terraform.tfvars, so this wins over the default.
ssh_source_ranges = ["0.0.0.0/0"]
