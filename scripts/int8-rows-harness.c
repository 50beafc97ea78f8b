// The int8 GEMV's C rows (Sources/KernelsIntDot/int8_dot.c) outside archcalc: first against the exact definition
// (group 32, row counts that are and are not multiples of 4, group counts with and without a tail, 1 and 4 rows at
// once, both instruction sets), then GB/s of weights plus scales against a C triad (24 bytes per element), 15
// interleaved rounds: best, and the median and quartiles of the in-round ratio. scripts/bench-int8-rows.sh runs it.
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <stdint.h>
#include <math.h>
#include <immintrin.h>
#include "int8_dot.c"
static double now(void){struct timespec t;clock_gettime(CLOCK_MONOTONIC,&t);return t.tv_sec+t.tv_nsec*1e-9;}
__attribute__((noinline)) void triad(double*a,const double*b,const double*c,long n){for(long i=0;i<n;i++)a[i]=b[i]+3.0*c[i];}
int main(){
  long n=14336,k=4096,group=32,groups=k/group;
  int8_t*q=aligned_alloc(64,n*k); float*sc=aligned_alloc(64,n*groups*4); int16_t*xq=aligned_alloc(64,k*2); float*xs=aligned_alloc(64,groups*4); float*y=aligned_alloc(64,n*4);
  for(long i=0;i<n*k;i++)q[i]=(int8_t)(rand()%255-127); for(long i=0;i<n*groups;i++)sc[i]=0.01f*(i%7+1); for(long i=0;i<k;i++)xq[i]=(int16_t)(rand()%65535-32767); for(long i=0;i<groups;i++)xs[i]=1e-4f*(i%5+1);
  long ns[]={1,3,4,5,7,9,67}; long ks[]={32,256,352,4096};
  for(int a=0;a<7;a++)for(int b=0;b<4;b++)for(int st=1;st<=4;st+=3)for(int path=0;path<2;path++){ long nn=ns[a],kk=ks[b],gg=kk/32; float yy[80]; double worst=0;
      if(path==0) archcalc_int8_rows_vnni512(nn,kk,32,q,sc,xq,xs,yy,st); else archcalc_int8_rows_avx2(nn,kk,32,q,sc,xq,xs,yy,st);
      for(long r=0;r<nn;r++){ double ref=0,mag=0; for(long g=0;g<gg;g++){ long d=0; for(long i=0;i<32;i++) d+=(long)q[r*kk+g*32+i]*xq[g*32+i]; ref+=(double)sc[r*gg+g]*xs[g]*d; mag+=fabs((double)sc[r*gg+g]*xs[g]*d);} double e=fabs(yy[r]-ref)/(mag+1e-30); if(e>worst)worst=e; }
      if (worst>1e-5) printf("n=%ld k=%ld streams=%d path=%d worst rel err %.2e\n",nn,kk,st,path,worst); }
  printf("checked\n");
  long tn=128L*1024*1024/8; double*A=malloc(tn*8),*B=malloc(tn*8),*C=malloc(tn*8); for(long i=0;i<tn;i++){A[i]=0;B[i]=1;C[i]=2;}
  double bytes=(double)n*k+(double)n*groups*4;
  const char*names[]={"triad","vnni512 g32, 1 row","vnni512 g32, 4 rows","avx2 g32, 1 row","avx2 g32, 4 rows","vnni512 g64, 1 row"}; int NV=6; double best[6],med[6][15];
  for(int v=0;v<NV;v++)best[v]=1e9;
  for(int round=0;round<15;round++) for(int v=0;v<NV;v++){
    double t0=now(); 
    switch(v){case 0: triad(A,B,C,tn);break;
      case 1: archcalc_int8_rows_vnni512(n,k,group,q,sc,xq,xs,y,1);break; case 2: archcalc_int8_rows_vnni512(n,k,group,q,sc,xq,xs,y,4);break;
      case 3: archcalc_int8_rows_avx2(n,k,group,q,sc,xq,xs,y,1);break; case 4: archcalc_int8_rows_avx2(n,k,group,q,sc,xq,xs,y,4);break; case 5: archcalc_int8_rows_vnni512(n,k,64,q,sc,xq,xs,y,1);break;}
    double t=now()-t0; med[v][round]=t; if(t<best[v])best[v]=t;
  }
  for(int v=0;v<NV;v++){double b= v==0? 24.0*tn : v==5? (double)n*k+(double)n*(k/64)*4 : bytes; double r[15];
    for(int i=0;i<15;i++) r[i]=(b/med[v][i])/(24.0*tn/med[0][i]);
    for(int i=0;i<15;i++)for(int j=i+1;j<15;j++)if(r[j]<r[i]){double t=r[i];r[i]=r[j];r[j]=t;}
    printf("%-20s best %5.1f GB/s  ratio to triad in-round: median %.2f [q1 %.2f, q3 %.2f]\n",names[v],b/best[v]/1e9,r[7],r[3],r[11]);}
}
