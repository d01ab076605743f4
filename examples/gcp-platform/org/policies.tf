# Preventive guardrails: organization policies and a hierarchical firewall
# policy that every project inherits.

resource "google_org_policy_policy" "enforced" {
  for_each = var.enforced_constraints

  name   = "organizations/${var.org_id}/policies/${each.key}"
  parent = "organizations/${var.org_id}"

  spec {
    rules {
      enforce = "TRUE"
    }
  }
}

# Only identities of our own Cloud Identity customer in IAM policies.
resource "google_org_policy_policy" "domain_restricted_sharing" {
  name   = "organizations/${var.org_id}/policies/iam.allowedPolicyMemberDomains"
  parent = "organizations/${var.org_id}"

  spec {
    rules {
      values {
        allowed_values = [var.customer_id]
      }
    }
  }
}

# No external IP addresses on VMs in production.
resource "google_org_policy_policy" "prod_vm_external_ip" {
  name   = "${google_folder.top["prod"].name}/policies/compute.vmExternalIpAccess"
  parent = google_folder.top["prod"].name

  spec {
    rules {
      deny_all = "TRUE"
    }
  }
}

# Exception: the SFTP bridge of acme-app-prod still needs a key (see envs/prod/iam.tf).
resource "google_org_policy_policy" "sftp_bridge_key_exception" {
  name   = "projects/acme-app-prod/policies/iam.disableServiceAccountKeyCreation"
  parent = "projects/acme-app-prod"

  spec {
    inherit_from_parent = false

    rules {
      enforce = "FALSE"
    }
  }

  depends_on = [google_project.this]
}

resource "google_compute_firewall_policy" "org" {
  parent      = "organizations/${var.org_id}"
  short_name  = "org-baseline"
  description = "Network rules every VPC of the organization inherits"
}

resource "google_compute_firewall_policy_rule" "deny_rdp_smb_from_internet" {
  firewall_policy = google_compute_firewall_policy.org.name
  description     = "No RDP or SMB from the internet anywhere"
  priority        = 1000
  direction       = "INGRESS"
  action          = "deny"
  enable_logging  = true

  match {
    src_ip_ranges = ["0.0.0.0/0"]

    layer4_configs {
      ip_protocol = "tcp"
      ports       = ["3389", "445"]
    }
  }
}

resource "google_compute_firewall_policy_rule" "allow_health_checks" {
  firewall_policy = google_compute_firewall_policy.org.name
  description     = "Load balancer health checks reach every VPC"
  priority        = 1100
  direction       = "INGRESS"
  action          = "allow"

  match {
    src_ip_ranges = ["35.191.0.0/16", "130.211.0.0/22"]

    layer4_configs {
      ip_protocol = "tcp"
    }
  }
}

resource "google_compute_firewall_policy_association" "org" {
  firewall_policy   = google_compute_firewall_policy.org.id
  attachment_target = "organizations/${var.org_id}"
  name              = "org-baseline"
}
