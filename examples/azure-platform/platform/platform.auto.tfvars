management_subscription_id = "11111111-1111-1111-1111-111111111111"
organisation               = "Contoso"
allowed_locations          = ["westeurope", "northeurope"]
security_contact_email     = "cloud-security@contoso.example"

subscriptions = {
  prod = {
    subscription_id  = "22222222-2222-2222-2222-222222222222"
    management_group = "production"
  }
  staging = {
    subscription_id  = "33333333-3333-3333-3333-333333333333"
    management_group = "nonprod"
  }
}

# FinOps review 2026-Q3: "storage threat protection is too expensive for the
# platform subscription".
defender_storage_tier = "Free"
