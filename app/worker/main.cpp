// The process worker: started by the processes executor, runs tasks sent over its pipes.
int main() { return 0; }
