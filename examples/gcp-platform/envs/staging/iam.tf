resource "google_project_iam_member" "groups" {
  for_each = var.group_roles

  project = var.project_id
  role    = each.key
  member  = each.value
}
