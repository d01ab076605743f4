# Public load balancer: one ingress rule per listener port, open to the internet by design.
resource "aws_security_group" "alb" {
  name        = "${var.name}-alb"
  description = "Public application load balancer"
  vpc_id      = aws_vpc.this.id

  dynamic "ingress" {
    for_each = var.alb_ingress_ports
    content {
      description      = "${upper(ingress.key)} from the internet"
      from_port        = ingress.value
      to_port          = ingress.value
      protocol         = "tcp"
      cidr_blocks      = ["0.0.0.0/0"]
      ipv6_cidr_blocks = ["::/0"]
    }
  }

  egress {
    description = "To the application tier"
    from_port   = var.app_port
    to_port     = var.app_port
    protocol    = "tcp"
    cidr_blocks = [for s in aws_subnet.private : s.cidr_block]
  }

  tags = merge(local.tags, {
    Name = "${var.name}-alb"
  })
}

resource "aws_security_group" "app" {
  name        = "${var.name}-app"
  description = "Application instances and EKS nodes"
  vpc_id      = aws_vpc.this.id

  tags = merge(local.tags, {
    Name = "${var.name}-app"
  })
}

resource "aws_vpc_security_group_ingress_rule" "app_from_alb" {
  security_group_id            = aws_security_group.app.id
  description                  = "Application port from the load balancer"
  referenced_security_group_id = aws_security_group.alb.id
  from_port                    = var.app_port
  to_port                      = var.app_port
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_ingress_rule" "app_ssh_from_bastion" {
  security_group_id            = aws_security_group.app.id
  description                  = "SSH from the bastion"
  referenced_security_group_id = aws_security_group.bastion.id
  from_port                    = 22
  to_port                      = 22
  ip_protocol                  = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "app_https" {
  security_group_id = aws_security_group.app.id
  description       = "HTTPS to AWS APIs and package mirrors through the NAT gateways"
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 443
  to_port           = 443
  ip_protocol       = "tcp"
}

resource "aws_vpc_security_group_egress_rule" "app_to_db" {
  security_group_id            = aws_security_group.app.id
  description                  = "Database"
  referenced_security_group_id = aws_security_group.db.id
  from_port                    = var.db_port
  to_port                      = var.db_port
  ip_protocol                  = "tcp"
}

resource "aws_security_group" "db" {
  name        = "${var.name}-db"
  description = "Database tier, reachable from the application tier only"
  vpc_id      = aws_vpc.this.id

  ingress {
    description     = "PostgreSQL from the application tier"
    from_port       = var.db_port
    to_port         = var.db_port
    protocol        = "tcp"
    security_groups = [aws_security_group.app.id]
  }

  tags = merge(local.tags, {
    Name = "${var.name}-db"
  })
}

resource "aws_security_group" "bastion" {
  name        = "${var.name}-bastion"
  description = "SSH bastion"
  vpc_id      = aws_vpc.this.id

  ingress {
    description = "SSH from allowed networks"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.ssh_allowed_cidrs
  }

  egress {
    description = "SSH to instances in the VPC"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.cidr_block]
  }

  tags = merge(local.tags, {
    Name = "${var.name}-bastion"
  })
}
