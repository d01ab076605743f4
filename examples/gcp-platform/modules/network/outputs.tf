output "network_id" {
  description = "Id of the VPC."
  value       = google_compute_network.this.id
}

output "network_self_link" {
  description = "Self link of the VPC."
  value       = google_compute_network.this.self_link
}

output "subnet_self_links" {
  description = "Self links of the subnetworks, by purpose."
  value       = { for k, s in google_compute_subnetwork.this : k => s.self_link }
}
