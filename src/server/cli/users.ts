console.log('tinkuy server: not yet');
