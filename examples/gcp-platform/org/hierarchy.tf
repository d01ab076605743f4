resource "google_folder" "top" {
  for_each = var.folders

  display_name = each.key
  parent       = "organizations/${var.org_id}"
}

resource "google_project" "this" {
  for_each = var.projects

  name                = each.value.name
  project_id          = each.key
  folder_id           = google_folder.top[each.value.folder].name
  billing_account     = var.billing_account
  auto_create_network = false

  labels = {
    managed_by = "terraform"
  }
}

resource "google_organization_iam_member" "admins" {
  for_each = var.org_admin_roles

  org_id = var.org_id
  role   = each.key
  member = each.value
}
