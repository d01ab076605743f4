terraform {
  required_version = ">= 1.6"

  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.20"
    }
  }
}

# The platform stack runs in the management subscription with rights on the
# tenant root management group.
provider "azurerm" {
  features {}
  subscription_id = var.management_subscription_id
}
