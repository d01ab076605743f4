variable "password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "main" {
  identifier                          = "mixed-db"
  engine                              = "postgres"
  instance_class                      = "db.t3.micro"
  allocated_storage                   = 20
  username                            = "app"
  password                            = var.password
  storage_encrypted                   = false
  publicly_accessible                 = false
  backup_retention_period             = 7
  deletion_protection                 = true
  iam_database_authentication_enabled = true
  skip_final_snapshot                 = false
}
