package main

func main() {
	ch := make(chan int)
	var recvOnly <-chan int = ch
	recvOnly <- 1
	var sendOnly chan<- int = ch
	<-sendOnly
	close(recvOnly)
}
