terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }

  backend "s3" {
    bucket         = "acme-terraform-state"
    key            = "org/terraform.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "acme-terraform-locks"
    encrypt        = true
  }
}

# Runs in the management account.
provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

# Runs in the security tooling account, the delegated administrator of the
# organization's security services.
provider "aws" {
  alias  = "security"
  region = var.region

  assume_role {
    role_arn     = "arn:aws:iam::${var.security_account_id}:role/OrganizationAccountAccessRole"
    session_name = "terraform-org"
  }

  default_tags {
    tags = local.tags
  }
}
