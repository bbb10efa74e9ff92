module gmplab

go 1.19
